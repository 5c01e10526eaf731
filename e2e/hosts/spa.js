// A single-page storefront: client-side routes through history.pushState, one route that
// replaces <body> wholesale (as Turbo does), and one whose component inserts the widget's tag
// again. The widget must survive all of it with exactly one launcher.
const loaderTag = document.querySelector('script[data-store]')

function el(tag, { dataset = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props)
  Object.assign(node.dataset, dataset)
  node.append(...children)
  return node
}

function link(path, text) {
  return el('a', { href: path, dataset: { link: '' } }, text)
}

const routes = {
  '/spa': () => [el('h1', {}, 'Fernhill Goods'), el('p', {}, 'The app home.')],
  '/spa/products': () => [
    el('h1', {}, 'Products'),
    el('ul', { className: 'products' }, el('li', {}, 'Walnut board'), el('li', {}, 'Oak stool')),
  ],
  '/spa/help': () => [
    el('h1', {}, 'Help'),
    el('div', { className: 'embed-slot', dataset: { porchlight: 'portal' } }),
  ],
  '/spa/about': () => {
    // A component that carries the merchant's snippet: the tag runs again on every visit.
    const again = el('script', { async: true, src: loaderTag.src })
    again.dataset.store = loaderTag.dataset.store
    again.addEventListener('load', () => (again.dataset.ran = ''))
    return [el('h1', {}, 'About us'), el('p', {}, 'Family run since 1998.'), again]
  },
  '/spa/checkout': () => [el('h1', {}, 'Checkout'), el('p', {}, 'A whole new body.')],
}

function render() {
  const path = location.pathname in routes ? location.pathname : '/spa'
  const nav = el(
    'nav',
    { className: 'routes' },
    link('/spa', 'Home'),
    link('/spa/products', 'Products'),
    link('/spa/help', 'Help'),
    link('/spa/about', 'About'),
    link('/spa/checkout', 'Checkout'),
  )
  const main = el('main', {}, nav, ...routes[path]())
  if (path === '/spa/checkout') {
    const body = el('body', {}, el('div', { id: 'app' }, main))
    document.documentElement.replaceChild(body, document.body)
  } else {
    document.getElementById('app').replaceChildren(main)
  }
}

document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest('a[data-link]') : null
  if (!a) return
  event.preventDefault()
  history.pushState(null, '', a.getAttribute('href'))
  render()
})
addEventListener('popstate', render)
render()
